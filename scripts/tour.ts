// `npm start`: a tour of nnbasics, each step printed exactly as NumPy prints it.
import np from 'nnbasics';

function step(what: string, code: string, result: unknown): void {
  console.log(`\n# ${what}\n>>> ${code}`);
  console.log(String(result));
}

console.log('nnbasics: NumPy-style arrays in WebAssembly, printed as NumPy prints them.');

np.tidy(() => {
  const x = np.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  step('An int array from nested lists', 'x = np.array([[1, 2, 3], [4, 5, 6]])', x);
  step(
    'A view with a new shape (no copy)',
    'x.reshape(-1, 1).shape',
    `(${x.reshape(-1, 1).shape.join(', ')})`,
  );
  step('Transpose is a view too', 'x.T', x.T);
  step('Floats line up in columns', 'np.linspace(0, 1, 7)', np.linspace(0, 1, 7));
  step(
    "Scientific notation by NumPy's rule",
    'np.array([1e-5, 123, -4.5])',
    np.array([1e-5, 123, -4.5]),
  );
  step(
    'float32 keeps its own shortest digits',
    "np.array([0.1, 0.2, 0.3], {dtype: 'float32'})",
    np.array([0.1, 0.2, 0.3], { dtype: 'float32' }),
  );
  step(
    'Large arrays are summarised',
    'np.arange(2000).reshape(40, 50)',
    np.arange(2000).reshape(40, 50),
  );
  step(
    'repr',
    'np.arrayRepr(np.ones([2, 2], {dtype: "float32"}))',
    np.arrayRepr(np.ones([2, 2], { dtype: 'float32' })),
  );
});

const { arrays, bytes, heapBytes } = np.memory();
console.log(`\nnp.memory(): ${arrays} arrays, ${bytes} bytes held, heap ${heapBytes} bytes`);
