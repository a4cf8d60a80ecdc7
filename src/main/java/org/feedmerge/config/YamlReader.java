package org.feedmerge.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a config file into a {@link YamlDocument}. A file that cannot be read or is not valid YAML
 * is fatal: it fails with exactly one problem, since nothing after a syntax error can be trusted.
 */
final class YamlReader {
    static final String FILE_KEY = "(file)";
    static final String SYNTAX_KEY = "(syntax)";

    // A bare "key:" is null, not "": otherwise "server:" with every line below commented out
    // would be the text "" instead of an empty section.
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private final String file;
    private final Problems problems;

    YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    YamlDocument read(Path path) throws ConfigException {
        String text = readText(path);
        try (YAMLParser parser = YAML.createParser(text)) {
            return new YamlTreeBuilder(parser, problems).build();
        } catch (JsonProcessingException e) {
            throw fatal(syntaxErrorAt(e), SYNTAX_KEY, syntaxMessage(e));
        } catch (IOException e) {
            throw fatal(Position.WHOLE_FILE, SYNTAX_KEY, "cannot parse: " + e.getMessage());
        }
    }

    private String readText(Path path) throws ConfigException {
        if (Files.isDirectory(path)) {
            throw fatal(Position.WHOLE_FILE, FILE_KEY, "is a directory, not a config file");
        }
        try {
            return stripByteOrderMark(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw fatal(Position.WHOLE_FILE, FILE_KEY, "file not found (looked for " + path.toAbsolutePath() + ")");
        } catch (AccessDeniedException e) {
            throw fatal(Position.WHOLE_FILE, FILE_KEY, "permission denied; the daemon's user cannot read it");
        } catch (MalformedInputException e) {
            throw fatal(Position.WHOLE_FILE, FILE_KEY, "not valid UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw fatal(Position.WHOLE_FILE, FILE_KEY, "cannot read: " + e);
        }
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** SnakeYAML's problem mark points at the offending character; Jackson's location only at its last token. */
    private static Position syntaxErrorAt(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return new Position(mark.getLine() + 1, mark.getColumn() + 1);
        }
        JsonLocation location = e.getLocation();
        return location == null ? Position.WHOLE_FILE : new Position(location.getLineNr(), location.getColumnNr());
    }

    private static String syntaxMessage(JsonProcessingException e) {
        if (!(e.getCause() instanceof MarkedYAMLException marked) || marked.getProblem() == null) {
            return "invalid YAML: " + e.getOriginalMessage();
        }
        String message = "invalid YAML: " + marked.getProblem();
        Mark context = marked.getContextMark();
        if (marked.getContext() != null && context != null) {
            message += " (" + marked.getContext() + " that starts at line " + (context.getLine() + 1)
                    + ", column " + (context.getColumn() + 1) + ")";
        }
        return message;
    }

    private ConfigException fatal(Position position, String key, String message) {
        return new ConfigException(List.of(new ConfigProblem(file, position.line(), position.column(), key, message)));
    }
}
