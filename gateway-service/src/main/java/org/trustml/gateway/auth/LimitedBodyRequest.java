package org.trustml.gateway.auth;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import org.trustml.core.artifact.LimitedInputStream;

/** A request whose body stops with a 413 problem once it passes a limit (for bodies sent without a length). */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

  private final long limit;
  private ServletInputStream stream;

  LimitedBodyRequest(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      ServletInputStream in = super.getInputStream();
      LimitedInputStream limited = new LimitedInputStream(in, limit);
      stream = new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return limited.read();
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          return limited.read(buf, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
    return stream;
  }
}
