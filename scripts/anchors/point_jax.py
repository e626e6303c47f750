"""gansweep's default point GAN in JAX, written for ONE run and batched the idiomatic way.

One run's step is plain code with jax.grad on the two losses; jax.lax.scan runs the steps, jax.vmap maps
the whole training over runs (seeds), jax.jit compiles it once. The draws are gansweep's counter-based
SplitMix64 (needs 64-bit integers, hence jax_enable_x64; the model itself stays in `dtype`), so seed s
trains the same run as in gansweep and point_numpy.py (point_model.md).
"""
import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402

U64 = jnp.uint64
GOLDEN = 0x9E3779B97F4A7C15
BATCH, LR, MOMENTUM, TOL, HOLD = 32, 0.01, 0.9, 0.05, 0.1
INIT, D_INPUT, G_INPUT = 0, 1, 4


def mix(z):
    z = (z ^ (z >> U64(30))) * U64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> U64(27))) * U64(0x94D049BB133111EB)
    return z ^ (z >> U64(31))


def block(key, step, purpose):
    return mix(key ^ mix(step.astype(U64) * U64(GOLDEN) + U64(purpose)))


def symmetric(blk, dtype):
    bits = mix(blk + jnp.arange(1, BATCH + 1, dtype=U64) * U64(GOLDEN)) >> U64(40)
    return (bits.astype(jnp.float32) * jnp.float32(2.0 ** -23) - 1).astype(dtype)


def init(key, dtype):
    """w, b, then D's a0 a1 c0 c1 v0 v1 e: PyTorch Linear bounds on gansweep's 53-bit uniforms."""
    u = (mix(block(key, jnp.int64(0), INIT) + jnp.arange(1, 10, dtype=U64) * U64(GOLDEN)) >> U64(11)) * 2.0 ** -53
    bound = jnp.array([1.0] * 6 + [2 ** -0.5] * 3)
    return ((-bound + 2 * bound * u).astype(dtype)[:2], (-bound + 2 * bound * u).astype(dtype)[2:])


def logit(d, x):
    a0, a1, c0, c1, v0, v1, e = d
    return v0 * jnp.tanh(a0 * x + c0) + v1 * jnp.tanh(a1 * x + c1) + e


def bce(z, target):
    """Mean BCE of sigmoid(z) against target, from logits."""
    return jnp.mean(jax.nn.softplus(z) - target * z)


def d_loss(d, fake):
    x = jnp.concatenate([fake, jnp.ones_like(fake)])
    return bce(logit(d, x), jnp.concatenate([jnp.zeros_like(fake), jnp.ones_like(fake)]))


def g_loss(g, d, u):
    return bce(logit(d, g[0] * u + g[1]), 1.0)


def train_one(seed, steps, dtype):
    """One run: final (g, d) and whether it met gansweep's success criterion."""
    key = mix(seed.astype(U64) * U64(GOLDEN) + U64(0x5EED5EED5EED))
    g, d = init(key, dtype)

    def step(carry, t):
        g, d, mg, md, last_fail = carry
        u = symmetric(block(key, t, D_INPUT), dtype)
        md = MOMENTUM * md + jax.grad(d_loss)(d, g[0] * u + g[1])
        d = d - LR * md
        u = symmetric(block(key, t, G_INPUT), dtype)
        mg = MOMENTUM * mg + jax.grad(g_loss)(g, d, u)
        g = g - LR * mg
        ok = (jnp.abs(g[0]) < TOL) & (jnp.abs(g[1] - 1) < TOL)
        return (g, d, mg, md, jnp.where(ok, last_fail, t + 1)), None

    carry = (g, d, jnp.zeros_like(g), jnp.zeros_like(d), jnp.int64(0))
    (g, d, _, _, last_fail), _ = jax.lax.scan(step, carry, jnp.arange(steps, dtype=jnp.int64))
    return g, d, last_fail <= int(steps * (1 - HOLD))


def trainer(steps, dtype=jnp.float32):
    """jit(vmap(train_one)) over an array of seeds, for a fixed step count."""
    return jax.jit(jax.vmap(lambda seed: train_one(seed, steps, dtype)))
