provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAQ3EXAMPLEFAKE7Z2"
  secret_key = "gAkE/K7MDENG+bPxRfiCY3xampleSecretKey0B"
}

variable "db_password" {
  type    = string
  default = "Tf9-default-db-pw0"
}

variable "signing" {
  type      = string
  sensitive = true
  default   = "Tf2-sensitive-default-69"
}

resource "aws_db_instance" "orders" {
  identifier = "orders"
  username   = "shop"
  password   = "Tf1-resource-pw22"
}

locals {
  slack_token = "xoxb-123456789012-1234567890123-FakeSlackBotToken"
  gitlab      = "glpat-FakeToken1234567890ab"
}
