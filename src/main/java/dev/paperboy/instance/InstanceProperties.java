package dev.paperboy.instance;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The heartbeat.
 *
 * @param heartbeat how often an instance records that it is alive
 * @param missedBeats after how many missed beats the other instances count it as stopped
 * and give its leases back
 */
@ConfigurationProperties("paperboy.instance")
@Validated
public record InstanceProperties(@DefaultValue("5s") Duration heartbeat,
		@DefaultValue("4") @Min(2) @Max(1000) int missedBeats) {

	/**
	 * @return how long after its last beat an instance counts as stopped
	 */
	public Duration deadAfter() {
		return this.heartbeat.multipliedBy(this.missedBeats);
	}

}
