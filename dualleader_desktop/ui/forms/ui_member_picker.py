# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_picker.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QLineEdit, QListView, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_MemberPicker(object):
    def setupUi(self, MemberPicker):
        if not MemberPicker.objectName():
            MemberPicker.setObjectName(u"MemberPicker")
        MemberPicker.resize(380, 460)
        self.mainLayout = QVBoxLayout(MemberPicker)
        self.mainLayout.setObjectName(u"mainLayout")
        self.hintLabel = QLabel(MemberPicker)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.filterEdit = QLineEdit(MemberPicker)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.mainLayout.addWidget(self.filterEdit)

        self.membersView = QListView(MemberPicker)
        self.membersView.setObjectName(u"membersView")

        self.mainLayout.addWidget(self.membersView)

        self.chosenLabel = QLabel(MemberPicker)
        self.chosenLabel.setObjectName(u"chosenLabel")
        self.chosenLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.chosenLabel)

        self.buttonBox = QDialogButtonBox(MemberPicker)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(MemberPicker)

        QMetaObject.connectSlotsByName(MemberPicker)
    # setupUi

    def retranslateUi(self, MemberPicker):
        MemberPicker.setWindowTitle(QCoreApplication.translate("MemberPicker", u"\u9009\u62e9\u515a\u5458", None))
        self.hintLabel.setText("")
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("MemberPicker", u"\u7b5b\u9009\u59d3\u540d", None))
        self.chosenLabel.setText("")
    # retranslateUi

