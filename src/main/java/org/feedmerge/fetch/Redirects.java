package org.feedmerge.fetch;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The redirects one fetch followed, in order.
 *
 * @param hops each redirect response: where it was, its status, where it pointed
 */
public record Redirects(List<Hop> hops) {

    public static final Redirects NONE = new Redirects(List.of());

    public Redirects {
        hops = List.copyOf(hops);
    }

    /**
     * One redirect response.
     *
     * @param from   the URL that answered with a redirect
     * @param status 301, 302, 303, 307 or 308
     * @param to     the absolute URL it pointed to
     */
    public record Hop(URI from, int status, URI to) {
        public Hop {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** 301 and 308 say the resource moved for good (RFC 9110 §15.4.2, §15.4.9). */
        public boolean isPermanent() {
            return status == 301 || status == 308;
        }
    }

    /**
     * Where the chain ended if every hop was permanent; empty when there was no redirect or any hop
     * was temporary (302, 303, 307): a temporary hop anywhere means the end is not a stable address.
     */
    public Optional<URI> permanentTarget() {
        if (hops.isEmpty() || !hops.stream().allMatch(Hop::isPermanent)) {
            return Optional.empty();
        }
        return Optional.of(hops.get(hops.size() - 1).to());
    }

    Redirects then(Hop hop) {
        return new Redirects(Stream.concat(hops.stream(), Stream.of(hop)).toList());
    }

    boolean visited(URI url) {
        return hops.stream().anyMatch(hop -> hop.from().equals(url));
    }
}
