package org.trustml.fairness.api;

import jakarta.annotation.PreDestroy;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.trustml.fairness.onnx.OnnxPrediction;
import org.trustml.fairness.onnx.OnnxPredictor;

/**
 * Open ONNX Runtime sessions of recently served models, keyed by the file's digest (content never changes under a
 * digest). Opening a session parses the whole file, so reusing one keeps a prediction in milliseconds. When more
 * than {@link #CAPACITY} are open the least recently used one is retired, and closed once no prediction runs on it:
 * a session must not close under a running prediction.
 */
@Component
class OnnxSessions {

  static final int CAPACITY = 16;

  private static final class Entry {
    final OnnxPredictor predictor;
    int running;
    boolean retired;

    Entry(OnnxPredictor predictor) {
      this.predictor = predictor;
    }
  }

  private final Map<String, Entry> open = new LinkedHashMap<>(16, 0.75f, true);

  OnnxPrediction predict(String sha256, Supplier<byte[]> bytes, float[] rows) {
    Entry e = acquire(sha256, bytes);
    try {
      return e.predictor.predict(rows);
    } finally {
      release(e);
    }
  }

  private synchronized Entry acquire(String sha256, Supplier<byte[]> bytes) {
    Entry e = open.get(sha256);
    if (e == null) {
      e = new Entry(new OnnxPredictor(bytes.get()));
      open.put(sha256, e);
      Iterator<Entry> eldest = open.values().iterator();
      while (open.size() > CAPACITY) {
        Entry old = eldest.next();
        eldest.remove();
        old.retired = true;
        closeIfIdle(old);
      }
    }
    e.running++;
    return e;
  }

  private synchronized void release(Entry e) {
    e.running--;
    closeIfIdle(e);
  }

  private static void closeIfIdle(Entry e) {
    if (e.retired && e.running == 0) {
      e.predictor.close();
    }
  }

  @PreDestroy
  synchronized void closeAll() {
    open.values().forEach(e -> {
      e.retired = true;
      closeIfIdle(e);
    });
    open.clear();
  }
}
