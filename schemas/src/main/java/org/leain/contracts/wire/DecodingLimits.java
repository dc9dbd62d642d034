package org.leain.contracts.wire;

import java.lang.reflect.Method;
import org.apache.avro.SystemLimitException;

/**
 * Avro's decoding limits, set so real payloads decode and a hostile length prefix fails fast.
 *
 * <p>Avro checks every length prefix it reads (strings, bytes, array and map block counts)
 * against three JVM-wide limits, read once from system properties when Avro's
 * {@link SystemLimitException} class initialises. Their default is about 2^31, so a 20-byte
 * payload claiming a 2-billion-element float array makes Avro allocate 8 GB before it notices
 * the bytes are missing. LEAIN sets:
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>property</th><th>value</th><th>why</th></tr>
 *   <tr><td>{@value SystemLimitException#MAX_COLLECTION_LENGTH_PROPERTY}</td>
 *       <td>{@value #MAX_COLLECTION_ITEMS} items</td>
 *       <td>a real multi-order skymap has ~20k-200k pixels (a GCN message is at most 4 MiB),
 *       posteriors carry ~6k samples; 2^21 is 10x the largest map and bounds a hostile array
 *       allocation to ~16 MB</td></tr>
 *   <tr><td>{@value SystemLimitException#MAX_BYTES_LENGTH_PROPERTY}</td>
 *       <td>{@value #MAX_BYTES_LENGTH} bytes (8 MiB)</td>
 *       <td>the largest bytes field is an original notice or FITS skymap (GCN caps messages at
 *       4 MiB); equal to the default payload cap</td></tr>
 *   <tr><td>{@value SystemLimitException#MAX_STRING_LENGTH_PROPERTY}</td>
 *       <td>{@value #MAX_STRING_LENGTH} bytes (1 MiB)</td>
 *       <td>strings in the contracts are ids, names and reasons</td></tr>
 * </table>
 *
 * <p>A value given on the command line ({@code -Dorg.apache.avro.limits...=N}) wins. The limits
 * are JVM-wide and apply to every Avro decoding in the process (also LVK's igwn alerts).
 * {@link AvroCodec} applies them when it is first used; a program that decodes Avro elsewhere
 * before that may call {@link #apply()} first thing in {@code main}.
 */
public final class DecodingLimits {

    /** Most items in one array or map. */
    public static final int MAX_COLLECTION_ITEMS = 1 << 21;
    /** Longest bytes value. */
    public static final int MAX_BYTES_LENGTH = 8 << 20;
    /** Longest string, in UTF-8 bytes. */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private static volatile boolean applied;

    private DecodingLimits() {
    }

    /**
     * Sets the limits (unless already given as system properties) and makes sure Avro uses them.
     * If Avro had read its limits before the properties were set, they are re-read through
     * Avro's package-private {@code SystemLimitException.resetLimits()}.
     *
     * @throws IllegalStateException if Avro does not enforce the limits afterwards
     */
    public static synchronized void apply() {
        if (applied) {
            return;
        }
        setIfAbsent(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, MAX_COLLECTION_ITEMS);
        setIfAbsent(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, MAX_BYTES_LENGTH);
        setIfAbsent(SystemLimitException.MAX_STRING_LENGTH_PROPERTY, MAX_STRING_LENGTH);
        if (!enforced()) {
            rereadAvroLimits();
        }
        if (!enforced()) {
            throw new IllegalStateException("Expected Avro to enforce "
                    + SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY + "="
                    + System.getProperty(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY)
                    + ". Actual: Avro accepts longer collections");
        }
        applied = true;
    }

    /** The collection limit in force (the property's value). */
    static long collectionLimit() {
        return Long.parseLong(System.getProperty(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY));
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    private static boolean enforced() {
        try {
            SystemLimitException.checkMaxCollectionLength(collectionLimit() + 1);
            return false;
        } catch (SystemLimitException | UnsupportedOperationException expected) {
            // Avro throws UnsupportedOperationException above its VM array limit (2^31 - 9), SystemLimitException below.
            return true;
        }
    }

    private static void rereadAvroLimits() {
        try {
            Method reset = SystemLimitException.class.getDeclaredMethod("resetLimits");
            reset.setAccessible(true);
            reset.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Expected to re-read Avro's decoding limits. Actual: " + e, e);
        }
    }
}
