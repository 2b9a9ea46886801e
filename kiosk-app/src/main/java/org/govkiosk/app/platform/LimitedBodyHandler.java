package org.govkiosk.app.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, but no more than {@code limit} bytes: a Content-Length above it fails at
 * once, and a body that grows past it is cancelled mid-stream, so a broken or hostile platform cannot fill the
 * terminal's memory.
 */
final class LimitedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    /** The body was larger than allowed. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private final int limit;

    LimitedBodyHandler(int limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > limit) {
            return new Subscriber(limit, "the platform announced " + declared.getAsLong()
                    + " bytes, more than the limit of " + limit);
        }
        return new Subscriber(limit, null);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final String refusal;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(int limit, String refusal) {
            this.limit = limit;
            this.refusal = refusal;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refusal != null) {
                s.cancel();
                result.completeExceptionally(new TooLargeException(refusal));
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (buffer.size() + b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException("the answer is larger than the limit of "
                            + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
