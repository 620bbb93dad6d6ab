package org.trustml.core.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of state and progress. One timer polls each watched job once per tick with a light query
 * (the state lives in the database, and the job may run on another replica) and sends an event to its watchers
 * whenever state or progress changed; a comment every 15 s keeps idle streams open through proxies and finds
 * watchers that went away.
 */
public class JobEventStream {

  /** What one event carries. */
  public record JobUpdate(UUID id, JobState state, JobProgress progress, int attempt) {}

  private static final long KEEP_ALIVE_MILLIS = 15_000;

  private static final class Watcher {
    final String owner;
    final SseEmitter emitter;
    JobUpdate last;

    Watcher(String owner, SseEmitter emitter) {
      this.owner = owner;
      this.emitter = emitter;
    }
  }

  private final JobRepository repository;
  private final Map<UUID, List<Watcher>> watchers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  public JobEventStream(JobRepository repository, long pollMillis) {
    this.repository = repository;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "trustml-job-events");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_MILLIS, KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
  }

  public SseEmitter watch(String owner, UUID id, long timeoutMillis) {
    SseEmitter emitter = new SseEmitter(timeoutMillis);
    Watcher w = new Watcher(owner, emitter);
    // add and remove under the map's lock for this id, so a watcher never lands in a list just dropped
    watchers.compute(id, (k, list) -> {
      List<Watcher> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
      next.add(w);
      return List.copyOf(next);
    });
    Runnable remove = () -> watchers.computeIfPresent(id, (k, list) -> {
      List<Watcher> next = new ArrayList<>(list);
      next.remove(w);
      return next.isEmpty() ? null : List.copyOf(next);
    });
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    timer.execute(() -> send(id, List.of(w)));
    return emitter;
  }

  private void poll() {
    watchers.forEach(this::send);
  }

  private void send(UUID id, List<Watcher> list) {
    Optional<JobRepository.Snapshot> snapshot;
    try {
      snapshot = repository.snapshot(id);
    } catch (RuntimeException e) {
      return; // the database is briefly away: try again on the next tick
    }
    for (Watcher w : list) {
      try {
        if (snapshot.isEmpty() || !snapshot.get().owner().equals(w.owner)) {
          w.emitter.completeWithError(new IllegalStateException("job " + id + " not found"));
          continue;
        }
        JobRepository.Snapshot s = snapshot.get();
        JobUpdate update = new JobUpdate(id, s.state(), s.progress(), s.attempt());
        if (!Objects.equals(update, w.last)) {
          w.last = update;
          w.emitter.send(SseEmitter.event().name(s.state().isTerminal() ? "done" : "progress")
              .id(s.state() + ":" + s.progress().fraction()).data(update, MediaType.APPLICATION_JSON));
        }
        if (s.state().isTerminal()) {
          w.emitter.complete();
        }
      } catch (IOException | RuntimeException ex) {
        w.emitter.completeWithError(ex);
      }
    }
  }

  private void keepAlive() {
    watchers.values().forEach(list -> list.forEach(w -> {
      try {
        w.emitter.send(SseEmitter.event().comment("keep-alive"));
      } catch (IOException | RuntimeException e) {
        w.emitter.completeWithError(e);
      }
    }));
  }

  public void close() {
    timer.shutdownNow();
    watchers.values().forEach(list -> list.forEach(w -> w.emitter.complete()));
  }
}
