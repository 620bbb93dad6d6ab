/**
 * The DCT front-end of the client SDK (design note §3, DCT-CryptoNets): YCbCr with 4:2:0 chroma, level shift,
 * orthonormal F x F block DCT-II with coefficients as channels u F + v, bilinear resizing of the maps, the kept
 * low-frequency channel patterns and per-channel normalisation; plus MNIST/Fashion-MNIST IDX loading. Plain Java,
 * usable without Spring.
 */
package org.trustml.fhe.dct;
