/**
 * The engine behind {@link io.hermescache.Hermes}. <b>Not API</b>: nothing here is promised to stay as it
 * is, and applications must not use it. The CDI and Quarkus integrations of this project call exactly
 * {@link io.hermescache.internal.HermesEngine} ({@code keySpace}, {@code defaultTtl}, {@code get},
 * {@code getAsync}, {@code invalidating}), {@link io.hermescache.internal.KeySpace},
 * {@link io.hermescache.internal.SettingChecks} ({@code positive}, {@code prefix}) and
 * {@link io.hermescache.internal.KeyLayout}; the rest is private to the engine.
 *
 * <p>How a call goes: {@link io.hermescache.internal.KeyLayout} names the keys;
 * {@link io.hermescache.internal.VersionedRead} reads the entry with its versions in one round trip;
 * on a miss {@link io.hermescache.internal.Flights} lets concurrent callers of this JVM share one
 * computation, whose leader runs {@link io.hermescache.internal.Computation}, the one lock-and-wait state
 * machine, driven by {@link io.hermescache.internal.BlockingDriver} or
 * {@link io.hermescache.internal.AsyncDriver}; {@link io.hermescache.internal.LeaseWatchdog} renews the lock
 * while the loader runs; {@link io.hermescache.internal.EntryWriter} stores the value;
 * {@link io.hermescache.internal.BackendGuard} decides what a backend failure does.
 */
package io.hermescache.internal;
