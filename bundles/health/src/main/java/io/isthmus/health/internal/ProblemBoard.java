package io.isthmus.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the problems health reports that no framework API can be asked for later: bundle
 * start errors, rejected deploy files, rejected configuration values.
 */
@Component(service = ProblemBoard.class)
public final class ProblemBoard implements FrameworkListener, BundleListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemBoard.class);

  private final BundleContext context;
  private final Map<Long, String> startErrors = new ConcurrentHashMap<>();
  private final Map<String, Problem> rejected = new ConcurrentHashMap<>();

  @Activate
  public ProblemBoard(BundleContext context) {
    this.context = context;
    context.addFrameworkListener(this);
    context.addBundleListener(this);
  }

  @Deactivate
  void deactivate() {
    context.removeFrameworkListener(this);
    context.removeBundleListener(this);
  }

  @Override
  public void frameworkEvent(FrameworkEvent event) {
    if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getThrowable() != null) {
      startErrors.put(event.getBundle().getBundleId(), rootMessage(event.getThrowable()));
    }
  }

  @Override
  public void bundleChanged(BundleEvent event) {
    if (event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.UNINSTALLED) {
      startErrors.remove(event.getBundle().getBundleId());
    }
  }

  /** Records a start failure seen by someone who caught it (FileInstall does not tell the framework). */
  void startFailed(Bundle bundle, Throwable error) {
    startErrors.put(bundle.getBundleId(), rootMessage(error));
  }

  Map<Long, String> startErrors() {
    return Map.copyOf(startErrors);
  }

  /** Records a rejection under a key; logs it once per distinct reason. */
  void reject(String key, Problem problem) {
    Problem previous = rejected.put(key, problem);
    if (previous == null || !previous.reason().equals(problem.reason())) {
      LOG.error("Rejected {} {}: {}", problem.kind(), problem.subject(), problem.reason());
    }
  }

  void clear(String key) {
    rejected.remove(key);
  }

  void clearPrefix(String prefix) {
    rejected.keySet().removeIf(k -> k.startsWith(prefix));
  }

  List<Problem> rejected(String kind) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : rejected.values()) {
      if (p.kind().equals(kind)) {
        out.add(p);
      }
    }
    out.sort((a, b) -> a.subject().compareTo(b.subject()));
    return out;
  }

  static String rootMessage(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    return t == error ? message : error.getMessage() + ": " + message;
  }
}
