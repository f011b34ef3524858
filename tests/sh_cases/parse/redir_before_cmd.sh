>f6 echo first; cat f6
<f6 cat
