package org.trustml.gateway.auth;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per key: a key may burst up to its per-minute rate, then gets one request per 60/rate seconds.
 * In memory, per gateway replica: with several replicas a key's effective limit is the sum over replicas.
 */
@Component
public class RateLimiter {

  private static final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastNanos = now;
    }
  }

  private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Takes one token.
   *
   * @return 0 when the request may go ahead, otherwise the seconds to wait before the next token
   */
  public long acquire(UUID key, int ratePerMinute) {
    long now = System.nanoTime();
    double perNano = ratePerMinute / 60e9;
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(ratePerMinute, now));
    synchronized (b) {
      b.tokens = Math.min(ratePerMinute, b.tokens + (now - b.lastNanos) * perNano);
      b.lastNanos = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
    }
  }
}
