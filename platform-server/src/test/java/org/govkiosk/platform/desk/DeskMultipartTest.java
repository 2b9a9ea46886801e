package org.govkiosk.platform.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The certificate form's body as browsers send it, and what is not one, refused rather than guessed at. */
class DeskMultipartTest {

    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryX3a";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fieldsAndTheFileWithItsOwnLineEndsAndDashesComeOutWhole() {
        String file = "%PDF-1.7\r\n--not-the-boundary\r\n\r\nend";
        DeskMultipart.Parsed p = DeskMultipart.parse(bytes("------WebKitFormBoundaryX3a\r\n"
                + "Content-Disposition: form-data; name=\"csrf\"\r\n\r\ntok-1\r\n"
                + "------WebKitFormBoundaryX3a\r\n"
                + "Content-Disposition: form-data; name=\"lang\"\r\n\r\n中文\r\n"
                + "------WebKitFormBoundaryX3a\r\n"
                + "Content-Disposition: form-data; name=\"pdf\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf"
                + "\r\n\r\n" + file + "\r\n------WebKitFormBoundaryX3a--\r\n"), TYPE);
        assertThat(p.fields().get("csrf")).containsExactly("tok-1");
        assertThat(p.fields().get("lang")).containsExactly("中文");
        assertThat(new String(p.file(), StandardCharsets.UTF_8)).isEqualTo(file);
    }

    @Test
    void anEmptyFilePartIsNoFile() {
        DeskMultipart.Parsed p = DeskMultipart.parse(bytes("------WebKitFormBoundaryX3a\r\n"
                + "Content-Disposition: form-data; name=\"pdf\"; filename=\"\"\r\n\r\n\r\n"
                + "------WebKitFormBoundaryX3a--\r\n"), TYPE);
        assertThat(p.file()).isNull();
    }

    @Test
    void whatIsNotAMultipartFormIsRefused() {
        assertThatThrownBy(() -> DeskMultipart.parse(bytes("a=b"), "application/x-www-form-urlencoded"))
                .hasMessageContaining("multipart/form-data");
        assertThatThrownBy(() -> DeskMultipart.parse(bytes("x"), "multipart/form-data"))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> DeskMultipart.parse(bytes("no delimiter at all"), TYPE))
                .hasMessageContaining("no part");
        assertThatThrownBy(() -> DeskMultipart.parse(bytes("------WebKitFormBoundaryX3a\r\n"
                + "Content-Disposition: form-data; name=\"csrf\"\r\n\r\ncut short"), TYPE))
                .hasMessageContaining("without its end");
        assertThatThrownBy(() -> DeskMultipart.parse(bytes("------WebKitFormBoundaryX3a\r\n"
                + "Content-Disposition: form-data; name=\"csrf\""), TYPE))
                .hasMessageContaining("headers");
    }
}
