package io.isthmus.api.pipeline;

import org.jspecify.annotations.Nullable;

/**
 * The roles of one model id in the pipeline.
 *
 * @param modelId the model id
 * @param activeVersion the version whose findings raise alerts; {@code null} when none is bound
 *     (its bundle is being updated or was removed)
 * @param shadowVersion the version scoring without raising alerts; {@code null} when none
 * @param rollbackAvailable whether the shadow version is the previously active one, so that
 *     {@link ModelLifecycle#rollback} can restore it
 * @param learning whether the active version is still learning (see
 *     {@code DetectionModel.isLearning()}); {@code false} when there is no active version
 * @param comparison shadow against active since the shadow started or the roles last changed;
 *     {@code null} without both versions
 */
public record ModelInfo(
    String modelId,
    @Nullable String activeVersion,
    @Nullable String shadowVersion,
    boolean rollbackAvailable,
    boolean learning,
    @Nullable ShadowComparison comparison) {}
