# copy.copy and copy.deepcopy on nested structures, cycles, and custom classes.
import copy
orig = {"a": [1, 2], "b": {"c": (3, [4])}}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["a"].append(99)
orig["b"]["c"][1].append(5)
print(shallow, deep)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[1] is cyc, len(dc))
class Node:
    def __init__(self, v, kids=None):
        self.v = v
        self.kids = kids or []
    def __repr__(self):
        return f"Node({self.v}, {self.kids})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
t2.kids[1].kids[0].v = 40
t3 = copy.copy(tree)
t3.v = 100
t3.kids.append(Node(5))
print(tree)
print(t2)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("custom __copy__")
        return Custom(self.v + 1)
    def __deepcopy__(self, memo):
        print("custom __deepcopy__")
        return Custom(self.v * 10)
print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(2)).v)
