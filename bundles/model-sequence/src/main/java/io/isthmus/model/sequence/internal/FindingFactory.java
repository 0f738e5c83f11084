package io.isthmus.model.sequence.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Turns a judgement into indicators, a score, techniques and the analyst's paragraph. */
final class FindingFactory {
  private final String modelId;
  private final String version;
  private final OperationNames names;

  FindingFactory(String modelId, String version, OperationNames names) {
    this.modelId = modelId;
    this.version = version;
    this.names = names;
  }

  /** {@code unseen_session_start:<op>}, {@code unseen_transition:<from>-><to>} or {@code rare_transition:<from>-><to>}. */
  String indicator(Judgement j, int[] history, int op) {
    return switch (j.kind()) {
      case UNSEEN_START -> "unseen_session_start:" + names.name(op);
      case UNSEEN -> "unseen_transition:" + context(history, j.contextLength(), ",", "SESSION_START") + "->" + names.name(op);
      case RARE -> "rare_transition:" + context(history, j.contextLength(), ",", "SESSION_START") + "->" + names.name(op);
    };
  }

  Finding finding(TelemetryEvent event, Session session, int op, OperationKind kind, Judgement j, String indicator,
      boolean ownBaseline, boolean firstInSession) {
    List<String> indicators = new ArrayList<>(4);
    indicators.add(indicator);
    indicators.add(ownBaseline ? "baseline:device" : "baseline:protocol");
    if (kind != OperationKind.READ) {
      indicators.add("operation_kind:" + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!firstInSession) {
      indicators.add("session_already_flagged");
    }
    String client = event.peer().ip();
    String device = event.device().ip();
    String explanation = Explanations.of(client, device, event.protocol(), names.name(op), kind,
        context(session.history, j.contextLength(), " → ", "the start of the session"), names.name(session.history[session.history.length - 1]),
        j, ownBaseline);
    return new Finding(modelId, version, event.timeMicros(), event.device(), event.peer(), event.protocol(),
        j.score(kind), indicators, Techniques.of(kind, session), session.evidence(event), explanation);
  }

  /** The last {@code length} operations of {@code history}, oldest first; the session start where the context reaches it. */
  private String context(int[] history, int length, String separator, String start) {
    StringJoiner joiner = new StringJoiner(separator);
    for (int i = history.length - length; i < history.length; i++) {
      if (history[i] == OperationNames.START) {
        // Only the last START matters: "(session start), A" reads better than "START, START, A".
        if (i + 1 < history.length && history[i + 1] == OperationNames.START) {
          continue;
        }
      }
      joiner.add(history[i] == OperationNames.START ? start : names.name(history[i]));
    }
    return joiner.toString();
  }
}
