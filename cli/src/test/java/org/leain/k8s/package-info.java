/**
 * Tests of the Kubernetes manifests in k8s/ (kept in the broker module's test sources until the
 * deployment has a module of its own): the manifests are data, read as YAML and checked against the
 * design — topic partitions and retention, the app user's ACLs, the pod's security context,
 * probes and volumes, the autoscaling bound, the GPU overlay.
 */
package org.leain.k8s;
