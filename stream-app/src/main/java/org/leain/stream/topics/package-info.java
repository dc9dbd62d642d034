/**
 * The LEAIN topics, in one place: names, partitions and the configs each needs (compaction for the
 * keyed state topics, retention for the spectra, a large {@code max.message.bytes} because a real
 * skymap is 0.7-1.4 MB and GCN allows 4 MiB). The {@code run} command, the demo, the load test and
 * the Kubernetes manifests all take the list from {@link org.leain.stream.topics.LeainTopics}.
 */
package org.leain.stream.topics;
