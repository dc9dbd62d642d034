/**
 * Tests of the Kubernetes deployment in k8s/ (in the cli module because they need the stream app's
 * own classes): the manifests are data, read as YAML and checked against the design and against the
 * app itself — the KafkaTopics against the topic specs the app would create, the ConfigMap and the
 * StatefulSet's environment by loading them with the app's configuration code, the Grafana
 * dashboard's PromQL against the metrics the app exports — plus the pod's security context, probes,
 * resources and volumes, the user's ACLs, the autoscaling bound and the GPU overlay.
 */
package org.leain.k8s;
