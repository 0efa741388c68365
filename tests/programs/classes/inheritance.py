# Single inheritance, method overriding, super().__init__, isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"
class Cat(Animal):
    sound = "meow"
    def speak(self):
        return Animal.speak(self).upper()
for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1), Cat("tom")]:
    print(a.speak(), a.kind())
print(isinstance(Puppy("x", 2), Animal), issubclass(Puppy, Dog), issubclass(Cat, Dog), issubclass(Dog, object))
print(Puppy.__bases__[0].__name__, Dog.__base__.__name__, [c.__name__ for c in Puppy.__mro__])
print(issubclass(bool, (str, int)), isinstance(3, (float, str)))
