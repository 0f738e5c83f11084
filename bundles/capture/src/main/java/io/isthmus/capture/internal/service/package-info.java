/** The {@link io.isthmus.api.decode.CaptureService}: capture files replayed into a pipeline channel. Never exported. */
@NullMarked
package io.isthmus.capture.internal.service;

import org.jspecify.annotations.NullMarked;
