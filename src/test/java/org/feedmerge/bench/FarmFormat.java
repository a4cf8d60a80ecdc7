package org.feedmerge.bench;

/** The three document formats of the farm, with the file extension and media type each is served under. */
enum FarmFormat {
    RSS2("xml", "application/rss+xml"),
    ATOM("atom", "application/atom+xml"),
    RDF("rdf", "application/rdf+xml");

    final String extension;
    final String mediaType;

    FarmFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }
}
