// SEAL 4.1 (node-seal 6.0.3, WASM, single thread) side of benchmarks/fhe/run.
// Usage: node seal-bench.js <node-cache dir> <logN> <comma-separated prime bits> <log2 scale> <reps>
// Prints one JSON object: the primes SEAL chose, the median milliseconds per operation, and the decrypted slots of
// rotate(x * y + z, 1) on the inputs that FheBenchmark.java computes the same way.
'use strict';
const path = require('path');
const [cacheDir, logNArg, bitsArg, logScaleArg, repsArg] = process.argv.slice(2);
const SEAL = require(path.resolve(cacheDir, 'node_modules/node-seal'));

const input = (k, a, m) => ((k * a) % m) / m - 0.5; // the same formula as FheBenchmark.input

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(reps, body) {
  for (let i = 0; i < Math.max(3, reps / 5); i++) body(); // warm-up
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    body();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

(async () => {
  const seal = await SEAL();
  const n = 1 << Number(logNArg);
  const bits = bitsArg.split(',').map(Number);
  const scale = Math.pow(2, Number(logScaleArg));
  const reps = Number(repsArg);
  const parms = seal.EncryptionParameters(seal.SchemeType.ckks);
  parms.setPolyModulusDegree(n);
  parms.setCoeffModulus(seal.CoeffModulus.Create(n, Int32Array.from(bits)));
  const context = seal.Context(parms, true, seal.SecurityLevel.tc128);
  if (!context.parametersSet()) {
    throw new Error('SEAL rejected the parameters: ' + context.parametersErrorMessage());
  }
  const primes = Array.from(context.keyContextData.parms.coeffModulus, (p) => p.toString());
  const keyGenerator = seal.KeyGenerator(context);
  const publicKey = keyGenerator.createPublicKey();
  const relinKeys = keyGenerator.createRelinKeys();
  const galoisKeys = keyGenerator.createGaloisKeys(Int32Array.from([1]));
  const encoder = seal.CKKSEncoder(context);
  const encryptor = seal.Encryptor(context, publicKey);
  const decryptor = seal.Decryptor(context, keyGenerator.secretKey());
  const evaluator = seal.Evaluator(context);
  const slots = n / 2;
  const vector = (a, m) => Float64Array.from({ length: slots }, (_, k) => input(k, a, m));
  const x = encryptor.encrypt(encoder.encode(vector(37, 101), scale));
  const y = encryptor.encrypt(encoder.encode(vector(53, 97), scale));

  const scratch = seal.CipherText();
  const scratch2 = seal.CipherText();
  const timings = {};
  timings.ntt = time(reps, () => {
    evaluator.cipherTransformFromNtt(x, scratch);
    evaluator.cipherTransformToNtt(scratch, scratch2);
  });
  timings.multiplyRelinearize = time(reps, () => {
    evaluator.multiply(x, y, scratch);
    evaluator.relinearize(scratch, relinKeys, scratch);
  });
  evaluator.multiply(x, y, scratch);
  evaluator.relinearize(scratch, relinKeys, scratch);
  timings.rescale = time(reps, () => evaluator.rescaleToNext(scratch, scratch2));
  timings.rotate = time(reps, () => evaluator.rotateVector(x, 1, galoisKeys, scratch2));

  // the agreement computation: rotate(x * y + z, 1), z encoded at the product's scale and switched down a level
  const product = seal.CipherText();
  evaluator.multiply(x, y, product);
  evaluator.relinearize(product, relinKeys, product);
  evaluator.rescaleToNext(product, product);
  const z = encryptor.encrypt(encoder.encode(vector(29, 89), product.scale));
  evaluator.cipherModSwitchToNext(z, z);
  evaluator.add(product, z, product);
  evaluator.rotateVector(product, 1, galoisKeys, product);
  const decoded = encoder.decode(decryptor.decrypt(product));
  process.stdout.write(JSON.stringify({ primes, timings, result: Array.from(decoded) }));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
