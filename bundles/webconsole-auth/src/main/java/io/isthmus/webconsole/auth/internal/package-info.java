/** Web console authentication; never exported. */
@NullMarked
package io.isthmus.webconsole.auth.internal;

import org.jspecify.annotations.NullMarked;
