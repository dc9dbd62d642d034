package org.leain.demo;

/**
 * One record the demo sends: topic, key, encoded value (exactly the bytes put on the wire) and a
 * short label printed as it is sent.
 */
public record ScenarioRecord(String topic, String key, byte[] value, String label) {}
