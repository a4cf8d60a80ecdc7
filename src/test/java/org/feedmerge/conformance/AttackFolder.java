package org.feedmerge.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code defusedxml/} and our own {@code attacks/}: documents built to make an XML parser read a
 * file, open a connection, or expand entities without bound. defusedxml's files are not feeds, so
 * each attack is also planted in an RSS or Atom feed ({@code src/test/resources/conformance/attacks},
 * with {@code CANARY_HTTP} and {@code CANARY_FILE} standing for the canary's URLs) where a
 * successful expansion would be republished. Every one must be refused or ingested harmlessly:
 * no access, nothing of the canary in the output, bounded time and memory.
 */
final class AttackFolder {
    static final String DEFUSEDXML = "defusedxml";
    static final String ATTACKS = "attacks";
    private static final String ATTACK_RESOURCES = "/conformance/attacks/";
    private static final List<String> ATTACK_FILES = List.of(
            "billion-laughs-in-title.xml",
            "quadratic-blowup-in-description.xml",
            "external-entity-http.xml",
            "external-entity-file.xml",
            "external-entity-in-atom-xhtml.xml",
            "external-parameter-entity.xml",
            "external-dtd.xml",
            "external-dtd-public-rss091.xml",
            "xinclude-in-content.xml",
            "xml-stylesheet.xml",
            "schema-location.xml",
            "entity-in-link.xml");

    private final Corpus corpus;
    private final Harness harness;
    private final Checks checks;

    AttackFolder(Corpus corpus, Harness harness, Checks checks) {
        this.corpus = corpus;
        this.harness = harness;
        this.checks = checks;
    }

    void run() {
        List<Job> jobs = new ArrayList<>();
        for (String file : corpus.documents(DEFUSEDXML)) {
            jobs.add(job(harness.document(DEFUSEDXML, file, "/" + file, 200, List.of())));
        }
        for (String name : ATTACK_FILES) {
            String file = ATTACKS + "/" + name;
            jobs.add(job(harness.document(ATTACKS, file, "/" + file, 200, List.of(), planted(file, resource(name)))));
        }
        harness.run(jobs);
    }

    private Job job(CorpusDocument document) {
        return Job.once(document, ingest -> checks.all(document, ingest, MergedFeed.of(ingest)));
    }

    /** The template with the canary's URLs filled in (ids the DOCTYPE rewrite would not reach, too). */
    private byte[] planted(String file, String template) {
        return template.replace("CANARY_HTTP", harness.canary.httpUrl(file))
                .replace("CANARY_FILE", harness.canary.fileUrl())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = AttackFolder.class.getResourceAsStream(ATTACK_RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + ATTACK_RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ATTACK_RESOURCES + name, e);
        }
    }
}
