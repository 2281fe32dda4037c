package se.basutbud.contactcard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import se.basutbud.web.EntityTags;

/**
 * The answer to a card read, whichever path serves it ({@link CachedCardRoute} on the I/O thread,
 * {@link ContactCardResource} otherwise), so both give the same status, headers and bytes: 304 when
 * If-None-Match names the card; else the card, as the deflate bytes it is stored in when the client accepts
 * deflate over HTTP/1.1 (no compression work per read), or as JSON, which the server may compress like any
 * other answer. Over HTTP/2 the stored bytes are never sent as they are: there, a Content-Encoding header set by
 * the answer tells the server's HTTP/2 encoder to compress the body with it, so they would be deflated twice.
 */
record CardAnswer(int status, Map<String, String> headers, byte[] body) {

    /** q=0 in any of its spellings (RFC 9110 §12.4.2): the coding is not acceptable. */
    private static final Pattern ZERO_QUALITY = Pattern.compile("0(\\.0{0,3})?");

    static CardAnswer of(
            CompressedCard card, String ifNoneMatch, String acceptEncoding, boolean http2, String cacheControl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.ETAG, card.etag());
        headers.put(HttpHeaders.CACHE_CONTROL, cacheControl);
        headers.put(HttpHeaders.VARY, "Accept-Encoding");
        if (matches(ifNoneMatch, card.etag())) {
            return new CardAnswer(304, headers, null);
        }
        headers.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        if (!http2 && acceptsDeflate(acceptEncoding)) {
            headers.put(HttpHeaders.CONTENT_ENCODING, "deflate");
            return new CardAnswer(200, headers, card.deflatedJson());
        }
        return new CardAnswer(200, headers, card.json());
    }

    /** If-None-Match uses weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored; * matches any card. */
    static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && EntityTags.listed(ifNoneMatch, etag, true);
    }

    /**
     * Whether Accept-Encoding allows deflate (RFC 9110 §12.5.3): named, or covered by {@code *}, with a
     * q-value above 0. The stored bytes are a zlib stream, which is what HTTP's deflate coding is.
     */
    static boolean acceptsDeflate(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean deflate = null;
        boolean any = false;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean allowed = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    allowed = !ZERO_QUALITY
                            .matcher(parameter.substring(2).strip())
                            .matches();
                }
            }
            if (coding.equals("deflate")) {
                deflate = allowed;
            } else if (coding.equals("*")) {
                any = allowed;
            }
        }
        return deflate != null ? deflate : any;
    }
}
