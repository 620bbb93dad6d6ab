/**
 * A pure-Java, leveled RNS-CKKS engine (Cheon, Kim, Kim, Song 2017; full-RNS variant, Cheon et al., ePrint 2018/931)
 * usable without Spring: parameters checked against the Homomorphic Encryption Standard, negacyclic NTT per prime,
 * canonical-embedding encoding, key generation from a seeded SHAKE-256 stream, public-key and seeded secret-key
 * encryption, homomorphic add/multiply/relinearise/rescale/rotate with hybrid key switching (one digit per data prime
 * plus a special prime), and a compact binary format. Polynomials inside ciphertexts, plaintexts and keys are always in NTT form.
 */
package org.trustml.fhe.ckks;
