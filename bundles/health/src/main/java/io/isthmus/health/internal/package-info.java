/** Health and metrics implementation; never exported. */
@NullMarked
package io.isthmus.health.internal;

import org.jspecify.annotations.NullMarked;
