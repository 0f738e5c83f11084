/**
 * Live capture from a network interface through libpcap, into the same decoding path as a
 * capture file ({@link io.isthmus.capture.internal.FrameReplay}); never exported.
 *
 * <p>Why a binding of our own over JNA rather than pcap4j: we need eleven libpcap calls (create,
 * the set_* options, activate, compile, setfilter, next_ex, stats, breakloop, close) and raw
 * frames, since this bundle already decodes link, IP and TCP itself. pcap4j 1.8.2 (2019, MIT) is
 * its last release — 2.0 never left alpha — its jar carries no OSGi manifest (it would have to be
 * wrapped), and its packet factories parse every frame into objects we would throw away. JNA
 * (Apache-2.0 or LGPL-2.1, released several times a year) is itself an OSGi bundle whose
 * {@code Bundle-NativeCode} carries {@code jnidispatch} for each platform, so Felix loads the
 * native part from the JNA bundle and an update of this bundle does not reload it. The import of
 * {@code com.sun.jna} is optional: without JNA, or without libpcap on the machine, a live
 * configuration says so in one line and file replay still works.
 */
@NullMarked
package io.isthmus.capture.internal.live;

import org.jspecify.annotations.NullMarked;
