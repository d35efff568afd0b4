{{/* Names are the services' own (resident-service, ...): one SmartTown release per namespace. */}}

{{- define "smarttown.version" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}

{{/* Labels every object carries. Call with (dict "root" $ "name" $name "component" $component). */}}
{{- define "smarttown.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: smarttown
app.kubernetes.io/version: {{ include "smarttown.version" .root | quote }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Selector labels: stable over upgrades, so never the version. */}}
{{- define "smarttown.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "smarttown.image" -}}
{{- $tag := include "smarttown.version" .root -}}
{{- if eq .root.Values.image.flavour "native" -}}{{- $tag = printf "%s-native" $tag -}}{{- end -}}
{{- printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.group .name $tag -}}
{{- end -}}

{{/* The Secret holding a service's database credentials: its existingSecret or the one rendered here. */}}
{{- define "smarttown.dbSecretName" -}}
{{- if .svc.database.existingSecret -}}{{ .svc.database.existingSecret }}{{- else -}}{{ printf "%s-db" .name }}{{- end -}}
{{- end -}}

{{- define "smarttown.brokerSecretName" -}}
{{- if .Values.broker.existingSecret -}}{{ .Values.broker.existingSecret }}{{- else -}}smarttown-broker{{- end -}}
{{- end -}}

{{- define "smarttown.rrnSecretName" -}}
{{- if .Values.rrn.existingSecret -}}{{ .Values.rrn.existingSecret }}{{- else -}}smarttown-rrn-keys{{- end -}}
{{- end -}}

{{- define "smarttown.webhookSecretName" -}}
{{- if .Values.webhookSecrets.existingSecret -}}{{ .Values.webhookSecrets.existingSecret }}{{- else -}}smarttown-webhook-keys{{- end -}}
{{- end -}}

{{- define "smarttown.oidcSecretName" -}}
{{- if .Values.oidc.gatewayClient.existingSecret -}}{{ .Values.oidc.gatewayClient.existingSecret }}{{- else -}}smarttown-oidc-clients{{- end -}}
{{- end -}}

{{/* One egress rule to a dependency: in-cluster selectors and/or CIDRs, on its TCP ports. */}}
{{- define "smarttown.egressRule" -}}
{{- $t := . -}}
- to:
  {{- if or $t.namespaceSelector $t.podSelector }}
    {{- $peer := dict }}
    {{- with $t.namespaceSelector }}{{- $_ := set $peer "namespaceSelector" . }}{{- end }}
    {{- with $t.podSelector }}{{- $_ := set $peer "podSelector" . }}{{- end }}
    - {{ toYaml $peer | nindent 6 | trim }}
  {{- end }}
  {{- range $t.cidrs }}
    - ipBlock:
        cidr: {{ . }}
  {{- end }}
  ports:
  {{- range $t.ports }}
    - port: {{ . }}
      protocol: TCP
  {{- end }}
{{- end -}}
