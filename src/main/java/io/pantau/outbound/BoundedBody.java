package io.pantau.outbound;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and then stops reading, so that an endless or huge answer
 * costs at most {@code limit} bytes of memory. Beyond the limit the body either fails with {@link
 * FetchException.Reason#tooLarge} or, when truncating, ends with what it has.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final long limit;
  private final boolean truncate;
  private final boolean declaredTooLarge;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  BoundedBody(long limit, long declaredLength, boolean truncate) {
    this.limit = limit;
    this.truncate = truncate;
    this.declaredTooLarge = declaredLength > limit && !truncate;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declaredTooLarge) {
      // Content-Length already says it is too large: do not read a byte of it.
      s.cancel();
      result.completeExceptionally(tooLarge());
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      int take = (int) Math.min(b.remaining(), limit - bytes.size());
      byte[] chunk = new byte[take];
      b.get(chunk);
      bytes.write(chunk, 0, take);
      if (b.hasRemaining()) {
        subscription.cancel();
        if (truncate) {
          result.complete(bytes.toByteArray());
        } else {
          result.completeExceptionally(tooLarge());
        }
        return;
      }
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }

  private FetchException tooLarge() {
    return new FetchException(
        FetchException.Reason.tooLarge, "the answer is larger than " + limit + " bytes");
  }
}
