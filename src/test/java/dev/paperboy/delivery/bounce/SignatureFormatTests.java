package dev.paperboy.delivery.bounce;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The signed formats against their documentation: what Amazon SNS signs, and SendGrid's
 * own example signature.
 */
class SignatureFormatTests {

	// The example in SendGrid's helper libraries (sendgrid-java EventWebhookTest and the
	// others): public key, payload, timestamp and signature made by SendGrid.
	static final String SENDGRID_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";

	static final String SENDGRID_PAYLOAD = "{\"category\":\"example_payload\",\"event\":\"test_event\",\"message_id\":\"message_id\"}";

	static final String SENDGRID_SIGNATURE = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=";

	@Test
	void verifiesSendGridsExampleSignature() {
		PublicKey key = SendGridSignatures.publicKey(SENDGRID_KEY);
		byte[] payload = SENDGRID_PAYLOAD.getBytes(StandardCharsets.UTF_8);

		assertThat(SendGridSignatures.verifies(key, SENDGRID_SIGNATURE, "1588788367", payload)).isTrue();
		assertThat(SendGridSignatures.verifies(key, SENDGRID_SIGNATURE, "1588788368", payload)).isFalse();
		assertThat(SendGridSignatures.verifies(key, SENDGRID_SIGNATURE, "1588788367",
				SENDGRID_PAYLOAD.replace("test_event", "test_evenT").getBytes(StandardCharsets.UTF_8)))
			.isFalse();
		assertThat(SendGridSignatures.verifies(key, "not base64!", "1588788367", payload)).isFalse();
	}

	@Test
	void readsTheSendGridKeyWithOrWithoutPemArmour() {
		String pem = "-----BEGIN PUBLIC KEY-----\n" + SENDGRID_KEY.substring(0, 40) + "\n" + SENDGRID_KEY.substring(40)
				+ "\n-----END PUBLIC KEY-----\n";

		assertThat(SendGridSignatures.publicKey(pem)).isEqualTo(SendGridSignatures.publicKey(SENDGRID_KEY));
		assertThatIllegalArgumentException().isThrownBy(() -> SendGridSignatures
			.publicKey(Base64.getEncoder().encodeToString(TestKeys.rsa().getPublic().getEncoded())));
	}

	@Test
	void signsANotificationAsTheSnsGuideShows() {
		SnsMessage message = SnsMessage.parse(JsonMapper.shared().readTree("""
				{"Type":"Notification","MessageId":"4d4dc071-ddbf-465d-bba8-08f81c89da64",
				"TopicArn":"arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P",
				"Subject":"My subject","Message":"My Test Message","Timestamp":"2019-01-31T04:37:04.321Z",
				"SignatureVersion":"1","Signature":"c2ln","SigningCertURL":"https://sns.us-east-2.amazonaws.com/x.pem",
				"UnsubscribeURL":"https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe"}"""));

		assertThat(new String(message.stringToSign(), StandardCharsets.UTF_8)).isEqualTo("""
				Message
				My Test Message
				MessageId
				4d4dc071-ddbf-465d-bba8-08f81c89da64
				Subject
				My subject
				Timestamp
				2019-01-31T04:37:04.321Z
				TopicArn
				arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P
				Type
				Notification
				""");
	}

	@Test
	void signsASubscriptionConfirmationAsTheSnsGuideShows() {
		SnsMessage message = SnsMessage.parse(JsonMapper.shared()
			.readTree(
					"""
							{"Type":"SubscriptionConfirmation","MessageId":"3d891288-136d-417f-bc05-901c108273ee",
							"Token":"233","TopicArn":"arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P",
							"Message":"My Test Message","SubscribeURL":"https://sns.us-east-2.amazonaws.com/?Action=ConfirmSubscription",
							"Timestamp":"2019-01-31T19:25:13.719Z","SignatureVersion":"1","Signature":"c2ln",
							"SigningCertURL":"https://sns.us-east-2.amazonaws.com/x.pem"}"""));

		assertThat(new String(message.stringToSign(), StandardCharsets.UTF_8)).isEqualTo("""
				Message
				My Test Message
				MessageId
				3d891288-136d-417f-bc05-901c108273ee
				SubscribeURL
				https://sns.us-east-2.amazonaws.com/?Action=ConfirmSubscription
				Timestamp
				2019-01-31T19:25:13.719Z
				Token
				233
				TopicArn
				arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P
				Type
				SubscriptionConfirmation
				""");
	}

	@Test
	void confirmsSubscriptionsOnlyWhereTheCertificateCameFrom() {
		String cert = "https://sns.us-east-2.amazonaws.com/SimpleNotificationService-abc.pem";

		assertThat(SnsSignatures.sameOrigin("https://sns.us-east-2.amazonaws.com/?Action=ConfirmSubscription", cert))
			.isTrue();
		assertThat(SnsSignatures.sameOrigin("http://sns.us-east-2.amazonaws.com/?Action=ConfirmSubscription", cert))
			.isFalse();
		assertThat(SnsSignatures.sameOrigin("https://sns.us-east-2.amazonaws.com.example.org/", cert)).isFalse();
		assertThat(SnsSignatures.sameOrigin("https://x@sns.us-east-2.amazonaws.com/", cert)).isFalse();
		assertThat(SnsSignatures.sameOrigin("https://sns.us-east-2.amazonaws.com:444/", cert)).isFalse();
		assertThat(SnsSignatures.sameOrigin("not a url at all", cert)).isFalse();
	}

}
