package io.isthmus.api.pipeline;

/**
 * What a shadow version would have raised compared with the active version of the same model id,
 * over the events both scored in the same pass. A <em>flag</em> is a (device, event) pair on
 * which a version emitted at least one finding about that device.
 *
 * @param modelId the model id
 * @param activeVersion the active version compared
 * @param shadowVersion the shadow version compared
 * @param sinceMillis when the comparison started (epoch milliseconds): the shadow bound, or the
 *     roles changed
 * @param eventsScoredByBoth events both versions observed in the same pass
 * @param activeFindings findings the active version emitted on those events (its alerts)
 * @param shadowFindings findings the shadow version emitted on those events (alerts it would
 *     have raised)
 * @param activeFlags flags raised by the active version
 * @param shadowFlags flags raised by the shadow version
 * @param agreedFlags flags raised by both
 * @param agreement {@code agreedFlags / (activeFlags + shadowFlags - agreedFlags)}; 1 when
 *     neither raised a flag
 * @param meanAbsScoreDrift mean of |active score - shadow score| over the agreed flags (each side's
 *     highest score for the device on that event); 0 without agreed flags
 */
public record ShadowComparison(
    String modelId,
    String activeVersion,
    String shadowVersion,
    long sinceMillis,
    long eventsScoredByBoth,
    long activeFindings,
    long shadowFindings,
    long activeFlags,
    long shadowFlags,
    long agreedFlags,
    double agreement,
    double meanAbsScoreDrift) {}
