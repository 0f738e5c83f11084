package io.isthmus.api.pipeline;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Which version of each detection model raises alerts, and the candidate versions scoring the
 * live stream beside it without raising any (shadow mode). Offered by the pipeline; the
 * {@code isthmus:models}, {@code isthmus:promote} and {@code isthmus:rollback} shell commands and
 * {@code /api/v1/models} use it.
 *
 * <p>Per model id there is at most one <em>active</em> version, whose findings reach every
 * {@code FindingListener}, and at most one <em>shadow</em> version, which observes the same
 * events but whose findings only feed a {@link ShadowComparison}. A model service registered
 * with the service property {@value #ROLE_PROPERTY}{@code =}{@value #ROLE_SHADOW}, or one that
 * binds while its id already has an active version, becomes the shadow; it starts from the
 * active version's exported state. Once an operator has promoted or rolled back, the version so
 * chosen is the active one after a restart too, whichever version binds first.
 *
 * <p>Promoting and rolling back hold the events of both versions for a moment, switch the roles,
 * then replay the held events: no event is lost, and each version keeps the state it learned.
 */
public interface ModelLifecycle {

  /** Service property of a {@code DetectionModel} naming the role it asks for. */
  String ROLE_PROPERTY = "isthmus.model.role";

  /** Value of {@link #ROLE_PROPERTY} for a candidate that must not raise alerts. */
  String ROLE_SHADOW = "shadow";

  /** Every model id the pipeline knows, ordered by id. */
  List<ModelInfo> models();

  /**
   * How the shadow version of {@code modelId} compares with its active version since the shadow
   * started or the roles last changed; empty when the id has no active and shadow pair.
   */
  Optional<ShadowComparison> comparison(String modelId);

  /**
   * Makes the shadow version of {@code modelId} the active one. The previous active version
   * stays bound as the shadow and becomes the rollback target. Returns the new roles.
   *
   * @throws NoSuchElementException if no model has this id
   * @throws IllegalStateException if the id has no shadow version to promote
   */
  ModelInfo promote(String modelId);

  /**
   * Gives the active role back to the version that was active before the last promotion, which
   * has been kept as the shadow. Returns the new roles.
   *
   * @throws NoSuchElementException if no model has this id
   * @throws IllegalStateException if the id has no rollback target (never promoted, or the
   *     previous version was removed since)
   */
  ModelInfo rollback(String modelId);
}
