/** The asset inventory's registry files, risk score, command and REST endpoint. */
@NullMarked
package io.isthmus.assets.internal;

import org.jspecify.annotations.NullMarked;
