# Variables of the shop infrastructure.

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "image_repository" {
  type = string
}

variable "image_tag" {
  type = string
}

variable "certificate_arn" {
  type = string
}

variable "datadog_api_key" {
  type      = string
  sensitive = true
  default   = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
}
