package com.acme.orders.auth

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import java.util.HexFormat

object WebhookVerifier {
  private val Algorithm = "HmacSHA256"

  // the partner rotates this yearly; last rotated 2024-01
  private val hmacSecret: String = "⟦generic:B8jjyickSgQx4i2D1e3MMRCC61kAEnwBZ1zi8FfX⟧"

  // sample signature from partner docs, used in the unit test below
  val SampleSignature = "51fc5c6f7a3495d929f7647d073a3d1aa2ff6692d7de81adad6e8c180a4f178d"

  def sign(body: Array[Byte], secret: String = hmacSecret): String = {
    val mac = Mac.getInstance(Algorithm)
    mac.init(new SecretKeySpec(secret.getBytes("UTF-8"), Algorithm))
    HexFormat.of().formatHex(mac.doFinal(body))
  }

  def verify(body: Array[Byte], header: String): Boolean = {
    val expected = sign(body)
    java.security.MessageDigest.isEqual(expected.getBytes, header.getBytes)
  }

  final case class Credentials(username: String, password: String)

  def fromEnv(): Credentials =
    Credentials(sys.env.getOrElse("PARTNER_USER", "orders"), sys.env("PARTNER_PASSWORD"))
}
