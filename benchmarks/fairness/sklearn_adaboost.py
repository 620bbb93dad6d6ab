"""Times scikit-learn's AdaBoost (SAMME, depth-5 trees) on the encoded Adult training set the Java side wrote.

Usage: sklearn_adaboost.py FEATURES_CSV N_ESTIMATORS DEPTH
The CSV has no header; the last column is the 0/1 label. Prints one line:
sklearn=<version> seconds=<fit wall time> train_accuracy=<accuracy on the same rows> estimators=<fitted>
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import AdaBoostClassifier
from sklearn.tree import DecisionTreeClassifier


def make(n_estimators, depth):
    tree = DecisionTreeClassifier(max_depth=depth)
    # sklearn >= 1.2 names the base learner `estimator`; 1.6 deprecates `algorithm` (SAMME is then the only one)
    major, minor = (int(p) for p in sklearn.__version__.split(".")[:2])
    kwargs = {"n_estimators": n_estimators}
    if (major, minor) < (1, 6):
        kwargs["algorithm"] = "SAMME"
    if (major, minor) >= (1, 2):
        kwargs["estimator"] = tree
    else:
        kwargs["base_estimator"] = tree
    return AdaBoostClassifier(**kwargs)


def main():
    path, n_estimators, depth = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    data = np.loadtxt(path, delimiter=",", dtype=np.float32)
    x, y = data[:, :-1], data[:, -1].astype(int)
    model = make(n_estimators, depth)
    start = time.perf_counter()
    model.fit(x, y)
    seconds = time.perf_counter() - start
    accuracy = float((model.predict(x) == y).mean())
    print(f"sklearn={sklearn.__version__} seconds={seconds:.3f} train_accuracy={accuracy:.4f} "
          f"estimators={len(model.estimators_)}")


if __name__ == "__main__":
    main()
