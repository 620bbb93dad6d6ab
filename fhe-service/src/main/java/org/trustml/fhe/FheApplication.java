package org.trustml.fhe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Private inference on encrypted inputs: a pure-Java RNS-CKKS engine ({@code org.trustml.fhe.ckks}). */
@SpringBootApplication
public class FheApplication {

  public static void main(String[] args) {
    SpringApplication.run(FheApplication.class, args);
  }
}
