# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'template_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QWidget)
class Ui_TemplateDialog(object):
    def setupUi(self, TemplateDialog):
        if not TemplateDialog.objectName():
            TemplateDialog.setObjectName(u"TemplateDialog")
        TemplateDialog.resize(760, 560)
        self.grid = QGridLayout(TemplateDialog)
        self.grid.setObjectName(u"grid")
        self.name_label = QLabel(TemplateDialog)
        self.name_label.setObjectName(u"name_label")

        self.grid.addWidget(self.name_label, 0, 0, 1, 1)

        self.name = QLineEdit(TemplateDialog)
        self.name.setObjectName(u"name")

        self.grid.addWidget(self.name, 0, 1, 1, 1)

        self.name_error = QLabel(TemplateDialog)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setStyleSheet(u"color: #c62828;")
        self.name_error.setWordWrap(True)

        self.grid.addWidget(self.name_error, 1, 1, 1, 1)

        self.note = QLabel(TemplateDialog)
        self.note.setObjectName(u"note")
        self.note.setStyleSheet(u"color: #37474f;")
        self.note.setWordWrap(True)

        self.grid.addWidget(self.note, 2, 0, 1, 2)

        self.rows = QTableWidget(TemplateDialog)
        if (self.rows.columnCount() < 2):
            self.rows.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.rows.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.rows.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.rows.setObjectName(u"rows")
        self.rows.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rows.setColumnCount(2)
        self.rows.horizontalHeader().setStretchLastSection(True)

        self.grid.addWidget(self.rows, 3, 0, 1, 2)

        self.rows_error = QLabel(TemplateDialog)
        self.rows_error.setObjectName(u"rows_error")
        self.rows_error.setStyleSheet(u"color: #c62828;")
        self.rows_error.setWordWrap(True)

        self.grid.addWidget(self.rows_error, 4, 0, 1, 2)

        self.row_buttons = QHBoxLayout()
        self.row_buttons.setObjectName(u"row_buttons")
        self.add_button = QPushButton(TemplateDialog)
        self.add_button.setObjectName(u"add_button")

        self.row_buttons.addWidget(self.add_button)

        self.remove_button = QPushButton(TemplateDialog)
        self.remove_button.setObjectName(u"remove_button")

        self.row_buttons.addWidget(self.remove_button)

        self.up_button = QPushButton(TemplateDialog)
        self.up_button.setObjectName(u"up_button")

        self.row_buttons.addWidget(self.up_button)

        self.down_button = QPushButton(TemplateDialog)
        self.down_button.setObjectName(u"down_button")

        self.row_buttons.addWidget(self.down_button)

        self.row_buttons_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.row_buttons.addItem(self.row_buttons_stretch)


        self.grid.addLayout(self.row_buttons, 5, 0, 1, 2)

        self.form_error = QLabel(TemplateDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setStyleSheet(u"color: #c62828;")
        self.form_error.setWordWrap(True)

        self.grid.addWidget(self.form_error, 6, 0, 1, 2)

        self.button_box = QDialogButtonBox(TemplateDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.button_box, 7, 0, 1, 2)

        QWidget.setTabOrder(self.name, self.rows)
        QWidget.setTabOrder(self.rows, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.up_button)
        QWidget.setTabOrder(self.up_button, self.down_button)
        QWidget.setTabOrder(self.down_button, self.button_box)

        self.retranslateUi(TemplateDialog)

        QMetaObject.connectSlotsByName(TemplateDialog)
    # setupUi

    def retranslateUi(self, TemplateDialog):
        TemplateDialog.setWindowTitle(QCoreApplication.translate("TemplateDialog", u"\u7f16\u8f91\u68c0\u67e5\u6a21\u677f", None))
        self.name_label.setText(QCoreApplication.translate("TemplateDialog", u"\u6a21\u677f\u540d\u79f0*", None))
        ___qtablewidgetitem = self.rows.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("TemplateDialog", u"\u68c0\u67e5\u9879", None))
        ___qtablewidgetitem1 = self.rows.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("TemplateDialog", u"\u68c0\u67e5\u70b9", None))
        self.add_button.setText(QCoreApplication.translate("TemplateDialog", u"\u6dfb\u52a0\u884c", None))
        self.remove_button.setText(QCoreApplication.translate("TemplateDialog", u"\u5220\u9664\u884c", None))
        self.up_button.setText(QCoreApplication.translate("TemplateDialog", u"\u4e0a\u79fb", None))
        self.down_button.setText(QCoreApplication.translate("TemplateDialog", u"\u4e0b\u79fb", None))
    # retranslateUi

