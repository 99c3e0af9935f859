{{/*
Expand the name of the chart.
*/}}
{{- define "paperboy.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name.
We truncate at 63 chars because some Kubernetes name fields are limited to this (by the DNS naming spec).
If release name contains chart name it will be used as a full name.
*/}}
{{- define "paperboy.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "paperboy.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels
*/}}
{{- define "paperboy.labels" -}}
helm.sh/chart: {{ include "paperboy.chart" . }}
{{ include "paperboy.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels
*/}}
{{- define "paperboy.selectorLabels" -}}
app.kubernetes.io/name: {{ include "paperboy.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "paperboy.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) }}
{{- end }}

{{/*
Name of the Secret that the chart itself creates for inline secret values.
*/}}
{{- define "paperboy.secretName" -}}
{{- include "paperboy.fullname" . }}
{{- end }}

{{/*
"true" when the database password comes from the chart's Secret.
*/}}
{{- define "paperboy.inlineDatabasePassword" -}}
{{- if and .Values.database.password (not .Values.database.existingSecret) }}true{{ end }}
{{- end }}

{{/*
"true" when the admin token comes from the chart's Secret.
*/}}
{{- define "paperboy.inlineAdminToken" -}}
{{- if and .Values.adminToken.value (not .Values.adminToken.existingSecret) }}true{{ end }}
{{- end }}
