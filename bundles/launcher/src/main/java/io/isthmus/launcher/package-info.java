/** The isthmus command line: boots the Felix runtime from OSGi feature files. */
@NullMarked
package io.isthmus.launcher;

import org.jspecify.annotations.NullMarked;
