/**
 * Protocol-semantics model implementation; never exported.
 *
 * <p>Two kinds of rule. Unconditional rules flag operations that matter whatever a baseline says
 * (restarts, stop/run, program and firmware transfers, network and time changes, discovery
 * sweeps); they fire during learning too. Relation rules flag commands from a host never seen
 * writing to, or mastering, a device; during learning they only learn. Repeated identical
 * findings per (device, peer, rule) are rate-limited and counted.
 */
@NullMarked
package io.isthmus.model.semantics.internal;

import org.jspecify.annotations.NullMarked;
