package org.feedmerge.fetch;

import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * The next step of a redirect chain: where to go, or why not to.
 *
 * @param target    the absolute URL to fetch next, or null when the chain stops here
 * @param redirects the chain including this hop
 * @param failure   why the chain stops (loop, too long, no usable Location), or null
 */
record RedirectHop(HttpUrl target, Redirects redirects, String failure) {

    /** RFC 9110 §15.4: the statuses that send the client elsewhere (300 and 304 do not). */
    static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    static RedirectHop of(Response response, Redirects before, int maxRedirects) {
        HttpUrl from = response.request().url();
        String location = response.header("Location");
        // RFC 9110 §10.2.2: Location may be relative; it resolves against the URL that was asked.
        HttpUrl target = location == null ? null : from.resolve(location);
        if (target == null) {
            return new RedirectHop(null, before, "HTTP " + response.code() + " without a usable Location");
        }
        Redirects redirects = before.then(new Redirects.Hop(from.uri(), response.code(), target.uri()));
        if (redirects.visited(target.uri())) {
            return new RedirectHop(null, redirects, "redirect loop: " + describe(redirects));
        }
        if (redirects.hops().size() > maxRedirects) {
            return new RedirectHop(null, redirects, "more than " + maxRedirects + " redirects");
        }
        return new RedirectHop(target, redirects, null);
    }

    private static String describe(Redirects redirects) {
        return redirects.hops().get(0).from() + redirects.hops().stream()
                .map(hop -> " -" + hop.status() + "-> " + hop.to())
                .collect(Collectors.joining());
    }
}
