package org.trustml.core.job;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of state and progress. One timer polls the jobs somebody is watching (the state lives in the
 * database, and the job may run on another replica) and sends an event whenever state or progress changed.
 */
public class JobEventStream {

  /** What one event carries. */
  public record JobUpdate(UUID id, JobState state, JobProgress progress, int attempt) {}

  private record Watcher(String owner, SseEmitter emitter, JobUpdate[] last) {}

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
  }

  public SseEmitter watch(String owner, UUID id, long timeoutMillis) {
    SseEmitter emitter = new SseEmitter(timeoutMillis);
    Watcher w = new Watcher(owner, emitter, new JobUpdate[1]);
    watchers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(w);
    Runnable remove = () -> watchers.computeIfPresent(id, (k, list) -> {
      list.remove(w);
      return list.isEmpty() ? null : list;
    });
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    timer.execute(() -> send(id, List.of(w)));
    return emitter;
  }

  private void poll() {
    for (Map.Entry<UUID, List<Watcher>> e : watchers.entrySet()) {
      send(e.getKey(), e.getValue());
    }
  }

  private void send(UUID id, List<Watcher> list) {
    for (Watcher w : list) {
      try {
        var job = repository.find(id, w.owner());
        if (job.isEmpty()) {
          w.emitter().completeWithError(new IllegalStateException("job " + id + " not found"));
          continue;
        }
        Job j = job.get();
        JobUpdate update = new JobUpdate(id, j.state(), j.progress(), j.attempt());
        if (!Objects.equals(update, w.last()[0])) {
          w.last()[0] = update;
          w.emitter().send(SseEmitter.event().name(j.state().isTerminal() ? "done" : "progress")
              .id(j.state() + ":" + j.progress().fraction()).data(update, MediaType.APPLICATION_JSON));
        }
        if (j.state().isTerminal()) {
          w.emitter().complete();
        }
      } catch (IOException | RuntimeException ex) {
        w.emitter().completeWithError(ex);
      }
    }
  }

  public void close() {
    timer.shutdownNow();
    watchers.values().forEach(list -> list.forEach(w -> w.emitter().complete()));
  }
}
