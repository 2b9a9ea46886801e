package org.govkiosk.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The four headers {@link RequestSigner} adds to a request. */
public record SignedHeaders(String terminalId, String timestamp, String nonce, String signature) {

    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SignatureHeaders.TERMINAL_ID, terminalId);
        headers.put(SignatureHeaders.TIMESTAMP, timestamp);
        headers.put(SignatureHeaders.NONCE, nonce);
        headers.put(SignatureHeaders.SIGNATURE, signature);
        return headers;
    }
}
