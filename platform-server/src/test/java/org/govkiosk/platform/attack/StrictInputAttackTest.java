package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * Attacks with input a lenient reader takes (issue 14, trust boundaries): times and numbers out of range, NUL
 * characters and lone surrogates in text, duplicate keys, and values of the wrong JSON type that a reader would
 * coerce. Each is a 400 that is not retryable (a terminal would otherwise resend it forever), and stores nothing.
 */
class StrictInputAttackTest extends RunningPlatform {

    private String caseJson() throws Exception {
        return TestTerminal.JSON.writeValueAsString(Fixtures.submission(terminal.id, "k1"));
    }

    private String ratingJson(String caseNumber) throws Exception {
        return TestTerminal.JSON.writeValueAsString(Fixtures.rating(terminal.id, "r1", caseNumber, "1", 5));
    }

    private ApiError refused(String path, String body) throws Exception {
        HttpResponse<String> r = terminal.send("POST", path, body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
        ApiError e = TestTerminal.error(r);
        assertThat(e.retryable()).as("a terminal must not resend this forever").isFalse();
        return e;
    }

    private void noCaseStored() throws Exception {
        HttpResponse<String> list = clerk("GET", ApiPaths.CLERK_CASES, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(list, CaseList.class).cases()).isEmpty();
    }

    @Test
    void timesOutOfRangeAreRefusedAndNotRetryable() throws Exception {
        String json = caseJson();
        assertThat(json).contains("\"submittedAt\":\"2025-03-03T02:00:00Z\"");
        for (String at : new String[] {"-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z",
                "+292278994-08-17T07:12:55.808Z", "-0001-01-01T00:00:00Z"}) {
            ApiError e = refused(ApiPaths.CASES, json.replace("2025-03-03T02:00:00Z", at));
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_FIELD);
            assertThat(e.message()).contains("submittedAt");
        }
        noCaseStored();
    }

    @Test
    void numbersOutOfRangeAreRefusedAndNotRetryable() throws Exception {
        String n = fileCase("c1");
        for (String level : new String[] {"99999999999999999999", "1e400", "-2147483649"}) {
            refused(ApiPaths.RATINGS, ratingJson(n).replace("\"level\":5", "\"level\":" + level));
        }
    }

    @Test
    void nulCharactersAndLoneSurrogatesInTextAreRefused() throws Exception {
        String json = caseJson();
        assertThat(json).contains("\"name\":\"张三丰\"");
        for (String bad : new String[] {"\\u0000", "\\ud800", "\\udfff", "x\\udc00\\ud800y"}) {
            ApiError named = refused(ApiPaths.CASES, json.replace("\"name\":\"张三丰\"", "\"name\":\"张" + bad + "\""));
            assertThat(named.code()).isEqualTo(ErrorCodes.INVALID_FIELD);
            assertThat(named.message()).contains("applicant.name");
            ApiError key = refused(ApiPaths.CASES, json.replace("\"household\":", "\"house" + bad + "hold\":"));
            assertThat(key.code()).isEqualTo(ErrorCodes.INVALID_FIELD);
            assertThat(key.message()).contains("formData");
        }
        // A surrogate pair (an emoji, a rare CJK character beyond the BMP) is text like any other.
        HttpResponse<String> pair = terminal.send("POST", ApiPaths.CASES, json.replace("\"name\":\"张三丰\"",
                "\"name\":\"张\\ud842\\udfb7\"").getBytes(StandardCharsets.UTF_8));
        assertThat(pair.statusCode()).as(pair.body()).isEqualTo(201);
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        String json = caseJson();
        ApiError top = refused(ApiPaths.CASES, json.replace("{\"idempotencyKey\":\"k1\",",
                "{\"idempotencyKey\":\"k1\",\"idempotencyKey\":\"k2\","));
        assertThat(top.message()).contains("idempotencyKey");
        refused(ApiPaths.CASES, json.replace("\"name\":\"张三丰\"", "\"name\":\"张三丰\",\"name\":\"李四\""));
        String n = fileCase("c1");
        refused(ApiPaths.RATINGS, ratingJson(n).replace("\"level\":5", "\"level\":5,\"level\":1"));
        HttpResponse<String> valid = terminal.send("POST", ApiPaths.RATINGS,
                ratingJson(n).getBytes(StandardCharsets.UTF_8));
        assertThat(valid.statusCode()).as("the duplicate was not stored: " + valid.body()).isEqualTo(201);
    }

    @Test
    void valuesOfTheWrongTypeAreNotCoerced() throws Exception {
        String n = fileCase("c1");
        String json = ratingJson(n);
        assertThat(json).contains("\"level\":5").contains("\"anonymous\":false");
        for (String level : new String[] {"\"5\"", "2.5", "5.0", "true", "\"\""}) {
            ApiError e = refused(ApiPaths.RATINGS, json.replace("\"level\":5", "\"level\":" + level));
            assertThat(e.message()).contains("level");
        }
        refused(ApiPaths.RATINGS, json.replace("\"OVERALL\":5", "\"OVERALL\":\"5\""));
        refused(ApiPaths.RATINGS, json.replace("\"anonymous\":false", "\"anonymous\":\"false\""));
        refused(ApiPaths.RATINGS, json.replace("\"anonymous\":false", "\"anonymous\":0"));
        refused(ApiPaths.RATINGS, json.replace("\"serviceSequence\":\"1\"", "\"serviceSequence\":1"));
        HttpResponse<String> valid = terminal.send("POST", ApiPaths.RATINGS, json.getBytes(StandardCharsets.UTF_8));
        assertThat(valid.statusCode()).as("none of the above was stored: " + valid.body()).isEqualTo(201);
    }
}
