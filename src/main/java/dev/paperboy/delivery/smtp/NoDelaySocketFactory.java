package dev.paperboy.delivery.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * Plain sockets with Nagle's algorithm off ({@code TCP_NODELAY}), for SMTP. Jakarta Mail
 * leaves it on, so the last piece of every message waits in the kernel until the server
 * acknowledges the previous one, and servers delay that acknowledgement (40 ms on Linux):
 * one connection then sends about 20 messages a second however fast everything else is.
 * SMTP is request and response, each written whole, which is what switching Nagle off is
 * for (Go, and with it listmonk, does so for every connection). Jakarta Mail still wraps
 * these sockets in TLS for SMTPS and STARTTLS.
 */
final class NoDelaySocketFactory extends SocketFactory {

	static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

	private NoDelaySocketFactory() {
	}

	// Jakarta Mail asks for an unconnected socket, then binds and connects it itself.
	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connect(createSocket(), new InetSocketAddress(host, port), null, 0);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connect(createSocket(), new InetSocketAddress(host, port), localHost, localPort);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connect(createSocket(), new InetSocketAddress(host, port), null, 0);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connect(createSocket(), new InetSocketAddress(address, port), localAddress, localPort);
	}

	private static Socket connect(Socket socket, InetSocketAddress remote, @Nullable InetAddress local, int localPort)
			throws IOException {
		try {
			if (local != null) {
				socket.bind(new InetSocketAddress(local, localPort));
			}
			socket.connect(remote);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

}
